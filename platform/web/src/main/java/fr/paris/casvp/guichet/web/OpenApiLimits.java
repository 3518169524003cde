package fr.paris.casvp.guichet.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Writes the bound every request text has ({@link StrictJson#MAX_TEXT}) into the service's OpenAPI document, on every
 * text property that does not declare a shorter one ({@code @Schema(maxLength = ...)} on the request's field): a client
 * reads in the contract what the service will refuse.
 */
final class OpenApiLimits implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        openApi.getComponents().getSchemas().values().forEach(schema -> bound(schema, seen));
    }

    private static void bound(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (isText(schema) && schema.getMaxLength() == null && schema.getEnum() == null && schema.getFormat() == null) {
            schema.setMaxLength(StrictJson.MAX_TEXT);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> bound(property, seen));
        }
        bound(schema.getItems(), seen);
    }

    private static boolean isText(Schema<?> schema) {
        return "string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("string"));
    }
}
