package clf.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The OpenAPI description a node is checked against: every answer must match it. */
public final class Description {

    /** Answers that a description does not cover (an unknown path, a status it does not list) are the kit's to judge. */
    private static final Set<String> NOT_COVERED = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed", "validation.response.status.unknown");

    private final String source;
    private final OpenApiInteractionValidator validator;

    private Description(String source, String yaml) {
        this.source = source;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
    }

    public static Description of(String source, String yaml) {
        return new Description(source, yaml);
    }

    /** The workshop's API, docs/openapi.yaml, as a node of the level's step serves it (the kit carries each). */
    public static Description workshop(int level) {
        try (InputStream in = Description.class.getResourceAsStream("/openapi-" + level + ".yaml")) {
            return new Description("the workshop's docs/openapi.yaml for step " + level,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String source() {
        return source;
    }

    /** What is wrong with this answer according to the description; empty if nothing. */
    public List<String> problems(Exchange exchange) {
        String path = exchange.path().replaceFirst("\\?.*", "");
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status()).withBody(exchange.body());
        exchange.headers().firstValue("Content-Type").ifPresent(response::withContentType);
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(exchange.method()), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !NOT_COVERED.contains(message.getKey()))
                .map(ValidationReport.Message::getMessage)
                .toList();
    }
}
