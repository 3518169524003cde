package fr.paris.casvp.guichet.aid.report;

import fr.paris.casvp.guichet.aid.domain.Category;
import fr.paris.casvp.guichet.aid.domain.SectionReport;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import fr.paris.casvp.guichet.web.ProblemException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/aid/reports?section=13&from=2026-01&to=2026-12}: the section director's report (their own section; a
 * supervisor's, any), as JSON, or as CSV with {@code Accept: text/csv} for a spreadsheet set to French: UTF-8 with a
 * byte order mark (so that accents open right), semicolons, decimal commas, months written out ("mai 2026", which a
 * spreadsheet keeps as text rather than turning into a date).
 */
@RestController
@RequestMapping("/api/aid/reports")
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);
    private static final Map<String, String> OUTCOMES = Map.of("GRANTED", "accordée", "REFUSED", "rejetée",
            "LAPSED", "caduque", "PENDING", "en cours");

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    SectionReport json(@RequestParam String section, @RequestParam String from, @RequestParam String to) {
        return report(section, from, to);
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam String section, @RequestParam String from, @RequestParam String to) {
        SectionReport report = report(section, from, to);
        StringBuilder csv = new StringBuilder("\uFEFFmois;catégorie;issue;nombre;montant demandé;montant accordé\r\n");
        for (SectionReport.Row row : report.rows()) {
            csv.append(MONTH.format(YearMonth.parse(row.month()))).append(';').append(Category.valueOf(row.category()).label()).append(';')
                    .append(OUTCOMES.get(row.outcome())).append(';').append(row.count()).append(';')
                    .append(decimal(row.requested())).append(';').append(decimal(row.granted())).append("\r\n");
        }
        csv.append("total;;;").append(report.totals().count()).append(';').append(decimal(report.totals().requested()))
                .append(';').append(decimal(report.totals().granted())).append("\r\n");
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("allocations-exceptionnelles-section-" + section + "-" + from + "-" + to + ".csv").build().toString())
                .body(csv.toString());
    }

    private SectionReport report(String section, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        if (!section.matches("[1-9]|1[0-9]|20")) {
            errors.add(FieldError.of("section", "must be a section number from 1 to 20"));
        }
        YearMonth start = Fields.month("from", from, errors);
        YearMonth end = Fields.month("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(FieldError.of("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return reports.report(section, start, end, Agent.current());
    }

    private static String decimal(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }
}
