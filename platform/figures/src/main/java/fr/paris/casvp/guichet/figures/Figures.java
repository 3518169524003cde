package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FamilyView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A benefit's dated figures as recorded now: what is in force on a day, what is stale, every family with its history.
 * Read from the table at each call (a few dozen rows): a value approved on one instance is in force on every other at
 * once.
 */
public class Figures {

    private final FigureStore store;
    private final FigureCatalogue catalogue;

    public Figures(FigureStore store, FigureCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    /** Every row, with the catalogue that names them and says when each is due again. */
    public DatedFigures table() {
        return new DatedFigures(store.all().stream().map(FigureRow::figure).toList(), catalogue.list());
    }

    /** The figures stale on {@code date}: a revaluation was due on or before it and none was recorded. */
    public List<DatedFigures.Stale> stale(LocalDate date) {
        return table().staleOn(date);
    }

    /** Every family with each figure's history (the latest first, its source, who recorded it) and today's warnings. */
    public List<FamilyView> families(LocalDate today) {
        List<FigureRow> rows = store.all();
        Map<String, DatedFigures.Stale> stale = new DatedFigures(rows.stream().map(FigureRow::figure).toList(), catalogue.list())
                .staleOn(today).stream().collect(Collectors.toMap(DatedFigures.Stale::name, Function.identity()));
        Map<String, List<FamilyView.Row>> history = rows.stream().collect(Collectors.groupingBy(FigureRow::name,
                Collectors.mapping(row -> new FamilyView.Row(row.effectiveFrom(), row.value(), row.source(), row.recordedBy(),
                        FigureRow.RELEASE.equals(row.recordedBy()) ? null : row.recordedAt()), Collectors.toList())));
        return catalogue.families().entrySet().stream()
                .map(family -> FamilyView.of(family.getKey(), family.getValue(), history, stale)).toList();
    }
}
