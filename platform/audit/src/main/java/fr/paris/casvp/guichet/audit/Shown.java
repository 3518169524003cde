package fr.paris.casvp.guichet.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a request showed of files other than the one in its route: a controller that answers a search or a list, or a
 * refusal that names existing files, says which ({@link #files}); the audit trail records their ids with the request,
 * and finds the entry again when asked for any of them.
 */
public final class Shown {

    static final String ATTRIBUTE = Shown.class.getName();

    private Shown() {
    }

    /** Adds these files' ids to what the current request showed (outside a request, nothing happens). */
    public static void files(Collection<?> ids) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || ids.isEmpty()) {
            return;
        }
        List<String> shown = of(request);
        if (shown == null) {
            shown = new ArrayList<>();
            request.setAttribute(ATTRIBUTE, shown, RequestAttributes.SCOPE_REQUEST);
        }
        ids.stream().filter(Objects::nonNull).map(String::valueOf).filter(id -> !id.isBlank()).forEach(shown::add);
    }

    @SuppressWarnings("unchecked")
    static List<String> of(RequestAttributes request) {
        return (List<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
