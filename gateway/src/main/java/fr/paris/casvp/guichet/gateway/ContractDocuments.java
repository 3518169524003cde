package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.EventSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published contract, read-only and open to anyone ({@code docs/partners.md}): {@code GET /contracts/} lists it,
 * {@code /contracts/asyncapi.yaml} is the AsyncAPI document and {@code /contracts/schemas/<file>} the JSON Schemas it
 * refers to (relative references, so a tool that reads the document from here finds them). Served from the contracts
 * jar the gateway runs with: what is served is what the code was built and checked against.
 */
@RestController
class ContractDocuments {

    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z0-9-]+\\.v[0-9]+\\.json");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final byte[] asyncApi = read("contracts/asyncapi.yaml");
    private final Map<String, byte[]> schemas = new HashMap<>();

    ContractDocuments() {
        for (String file : EventSchemas.schemaFiles()) {
            schemas.put(file, read(EventSchemas.LOCATION + file));
        }
    }

    record Index(String asyncapi, List<String> schemas) {
    }

    @GetMapping({"/contracts", "/contracts/"})
    Index index() {
        return new Index("/contracts/asyncapi.yaml", new TreeSet<>(schemas.keySet()).stream().map(f -> "/contracts/schemas/" + f).toList());
    }

    @GetMapping("/contracts/asyncapi.yaml")
    ResponseEntity<byte[]> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CACHE).body(asyncApi);
    }

    @GetMapping("/contracts/schemas/{file}")
    ResponseEntity<byte[]> schema(@PathVariable String file) {
        byte[] schema = SCHEMA_FILE.matcher(file).matches() ? schemas.get(file) : null;
        if (schema == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return ResponseEntity.ok().contentType(SCHEMA).cacheControl(CACHE).body(schema);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path: the contracts jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
