package app.rapport.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Applies the conventions of {@code docs/openapi.md} to every operation springdoc found, so that
 * what holds for the whole API (the problem documents, the shared parameters, the refusals an
 * operation's shape implies, the media types) is written once here and not on sixty methods.
 */
public final class ApiConventions implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The refusals every operation may be given, by status: a component each. */
    private static final Map<String, Refusal> REFUSALS = refusals();

    private record Refusal(String component, String slug, String title, String description, String detail) {
    }

    /** A shared parameter by the name springdoc gives it, and the component it is replaced by. */
    private static final Map<String, String> SHARED_PARAMETERS = Map.of(
            "If-Match", "IfMatch",
            "consistentWith", "ConsistentWith",
            "owner", "Owner",
            "asOf", "AsOf",
            "page", "Page",
            "size", "Size");

    /** Path parameters that mean the same on every path they appear in. */
    private static final Map<String, String> PATH_PARAMETERS = Map.of(
            "contactId", "The contact's id (a UUID). Someone else's contact is 404, as one that does not exist.",
            "interviewId", "The interview's id, as the request answered it or the client chose it.",
            "followUpId", "The follow-up's id, as the command answered it or the client chose it.",
            "commitmentId", "The commitment's id, as the command answered it or the client chose it.",
            "inquiryId", "The job inquiry's id, as the command answered it or the client chose it.",
            "entryId", "The timeline entry's entryId (the id of the event behind it).",
            "username", "A user's username.");

    /** Java's inline flags, e.g. {@code (?is)}: a pattern that ECMA-262 regular expressions cannot read. */
    private static final java.util.regex.Pattern JAVA_ONLY_PATTERN = java.util.regex.Pattern.compile("^\\(\\?[a-z]+\\)");

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        addProblemSchemas(components);
        addRefusals(components);
        addSharedParameters(components);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiConventions::portablePatterns);
            components.getSchemas().values().forEach(ApiConventions::nullableUnlessRequired);
        }
        api.setTags(ApiTags.DESCRIPTIONS.entrySet().stream()
                .map(tag -> new Tag().name(tag.getKey()).description(tag.getValue())).toList());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().entrySet().removeIf(path -> !isPublic(path.getKey()));
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> apply(path, method, operation)));
        Examples examples = new Examples(components);
        api.getPaths().values().forEach(item -> item.readOperations().forEach(examples::addTo));
    }

    private static boolean isPublic(String path) {
        return path.startsWith("/api/") || path.startsWith("/calendar/");
    }

    private void apply(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = WRITES.contains(method.name());
        boolean signedIn = path.startsWith("/api/");
        boolean admin = path.startsWith("/api/admin/");
        if (!signedIn) {
            operation.setSecurity(List.of());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean consistentWith = parameters.stream().anyMatch(p -> "consistentWith".equals(p.getName()));
        operation.setParameters(parameters.isEmpty() ? null : parameters.stream().map(ApiConventions::shared).toList());

        if (operation.getRequestBody() != null) {
            replaceAnyMediaType(operation.getRequestBody().getContent());
        }
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        if (responses.containsKey("201") && responses.containsKey("200")
                && "OK".equals(responses.get("200").getDescription())) {
            ApiResponse ok = responses.remove("200");
            if (responses.get("201").getContent() == null) {
                responses.get("201").setContent(ok.getContent());
            }
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                replaceAnyMediaType(response.getContent());
                if (write && path.startsWith("/api/contacts")) {
                    addHeader(response, "ETag", "The contact's version after the command, as an entity tag: "
                            + "send it back as If-Match to make the next command conditional.");
                }
                // an import creates many contacts at once: no one resource to point at
                if ("201".equals(status) && !path.equals("/api/imports")) {
                    addHeader(response, "Location", "Where the created resource answers GET.");
                }
            }
        });

        refuse(responses, "400");
        if (signedIn) {
            refuse(responses, "401");
        }
        if (signedIn && (write || admin)) {
            refuse(responses, "403");
        }
        if (path.contains("{")) {
            refuse(responses, "404");
        }
        if (write && signedIn && !admin && !path.equals("/api/calendar-feed")) {
            refuse(responses, "409");
        }
        if (operation.getRequestBody() != null) {
            refuse(responses, "413");
            refuse(responses, "415");
        }
        if (consistentWith) {
            refuse(responses, "503");
        }
        responses.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.get$ref() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static Parameter shared(Parameter parameter) {
        String component = SHARED_PARAMETERS.get(parameter.getName());
        if (component != null) {
            return new Parameter().$ref("#/components/parameters/" + component);
        }
        if ("path".equals(parameter.getIn()) && parameter.getDescription() == null) {
            parameter.setDescription(PATH_PARAMETERS.get(parameter.getName()));
        }
        return parameter;
    }

    /**
     * Rapport's JSON writes every property, null ones included, and reads an absent or null
     * optional field alike: so a property that is not required may be null, and says so, or a
     * client's validator would refuse the answers the app really gives.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = schema.getProperties();
        properties.replaceAll((name, property) -> {
            if (required.contains(name)) {
                return property;
            }
            if (property.get$ref() != null) {
                return new Schema<>().nullable(true).allOf(List.of(new Schema<>().$ref(property.get$ref())));
            }
            property.setNullable(true);
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                // JSON Schema checks the enum apart from the type: null must be one of the values too
                property.getEnum().add(null);
            }
            return property;
        });
    }

    /**
     * A pattern written with Java's inline flags is checked by the server but cannot be given to
     * clients, whose JSON Schema validators read ECMA-262 expressions: it is left out of the
     * description, and the property says in words that the server checks it.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void portablePatterns(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> {
            if (property.getPattern() != null && JAVA_ONLY_PATTERN.matcher(property.getPattern()).find()) {
                property.setDescription((property.getDescription() == null ? "" : property.getDescription() + " ")
                        + "Checked by the server against the pattern " + property.getPattern() + " (Java syntax).");
                property.setPattern(null);
            }
        });
    }

    /** springdoc answers {@code *}/{@code *} where a handler declares no media type; Rapport's answer JSON. */
    private static void replaceAnyMediaType(Content content) {
        if (content != null && content.containsKey("*/*")) {
            MediaType any = content.remove("*/*");
            content.putIfAbsent(JSON, any);
        }
    }

    private static void addHeader(ApiResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().description(description).schema(new StringSchema()));
        }
    }

    /** Adds the shared refusal for a status unless the operation describes that status itself. */
    private static void refuse(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status,
                    new ApiResponse().$ref("#/components/responses/" + REFUSALS.get(status).component()));
        }
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    private static void addProblemSchemas(Components components) {
        Schema<?> fieldError = new ObjectSchema()
                .description("One bad field or parameter of a request (`field` and `message`), or one bad row of an "
                        + "imported file (`row`, `field` and `problem`).")
                .addProperty("field", new StringSchema().description("The JSON path or parameter name of the bad input, "
                        + "or the column of an imported row.").example("durationMinutes"))
                .addProperty("message", new StringSchema().description("What is wrong with it, in plain words.")
                        .example("must be between 10 and 90"))
                .addProperty("row", new IntegerSchema().format("int32")
                        .description("For an import: the number of the bad row in the file, from 1."))
                .addProperty("problem", new StringSchema().description("For an import: what is wrong with the row."));
        fieldError.setRequired(List.of("field"));
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem document: every refusal and failure of the API. Branch on "
                        + "`type`, which names the rule (`/problems/<rule>`); `detail` is for people.")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("The rule or failure, as /problems/<slug>.").example("/problems/invalid-state"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem.")
                        .example("Conflict"))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status.")
                        .example(409))
                .addProperty("detail", new StringSchema().description("What went wrong with this request.")
                        .example("Interview 1b9d… is REQUESTED; it can be held only once scheduled."))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request path the problem arose on."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("For a validation failure (400): each bad field."));
        problem.setRequired(List.of("type", "title", "status"));
        components.addSchemas("FieldError", fieldError);
        components.addSchemas("Problem", problem);
    }

    private static void addRefusals(Components components) {
        REFUSALS.forEach((status, refusal) -> {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "/problems/" + refusal.slug());
            example.put("title", refusal.title());
            example.put("status", Integer.parseInt(status));
            example.put("detail", refusal.detail());
            if ("400".equals(status)) {
                example.put("errors", List.of(Map.of("field", "durationMinutes", "message", "must be between 10 and 90")));
            }
            ApiResponse response = new ApiResponse().description(refusal.description())
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref(PROBLEM_REF)).example(example)));
            if ("503".equals(status)) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("Seconds after which asking again is likely to find the read model caught up.")
                        .schema(new IntegerSchema()));
            }
            components.addResponses(refusal.component(), response);
        });
    }

    private static void addSharedParameters(Components components) {
        components.addParameters("IfMatch", new Parameter().in("header").name("If-Match").required(false)
                .description("Makes the command conditional on the contact's version (the `version` of the last "
                        + "answer, or its ETag, quoted or not): if the contact changed since, the command is refused "
                        + "with 409 and nothing is recorded. Without it the command applies to the current version.")
                .schema(new StringSchema().example("\"7\"")));
        components.addParameters("ConsistentWith", new Parameter().in("query").name("consistentWith").required(false)
                .description("Read your own writes: the `position` a command answered. The query waits (up to 5 s) "
                        + "until the read model has processed that position, then answers; if it has not by then, "
                        + "503 with Retry-After. Without it the query answers at once from what is processed.")
                .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO).example(42)));
        components.addParameters("Owner", new Parameter().in("query").name("owner").required(false)
                .description("A mentee's username, for a mentor reading a journal whose owner granted access "
                        + "(404 without a standing grant). Without it, the caller's own journal.")
                .schema(new StringSchema().example("alice")));
        components.addParameters("AsOf", new Parameter().in("query").name("asOf").required(false)
                .description("An instant: only what was recorded by then, with due-times judged at that moment — "
                        + "the journal exactly as it stood. Without it, now.")
                .schema(new StringSchema().format("date-time").example("2026-03-04T15:00:00Z")));
        components.addParameters("Page", new Parameter().in("query").name("page").required(false)
                .description("The page of the list, from 0.")
                .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO)._default(0)));
        components.addParameters("Size", new Parameter().in("query").name("size").required(false)
                .description("Items per page, 1–200.")
                .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(200))._default(50)));
    }

    private static Map<String, Refusal> refusals() {
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        refusals.put("400", new Refusal("BadRequest", "validation", "Bad Request",
                "Malformed JSON, an unknown enum value, a missing or invalid field, or a bad parameter; "
                        + "`errors` names each bad field.", "Invalid request content."));
        refusals.put("401", new Refusal("Unauthorized", "unauthorized", "Unauthorized",
                "No credentials, or wrong ones.", "Full authentication is required to access this resource."));
        refusals.put("403", new Refusal("Forbidden", "forbidden", "Forbidden",
                "Signed in but not allowed: a mentor writing to a mentee's journal, or a non-administrator.",
                "A mentor may read a mentee's journal, never change it."));
        refusals.put("404", new Refusal("NotFound", "not-found", "Not Found",
                "No such resource for this caller: someone else's is 404 too, never 403.", "No contact 1b9d…."));
        refusals.put("409", new Refusal("Conflict", "invalid-state", "Conflict",
                "The command contradicts the history: a rule refused it, the state does not allow it, the "
                        + "If-Match version is stale, or an id is reused with another payload. `type` names the rule.",
                "Interview 1b9d… is REQUESTED; it can be held only once scheduled."));
        refusals.put("413", new Refusal("PayloadTooLarge", "payload-too-large", "Payload Too Large",
                "The body is larger than the configured limit.", "The request body is larger than allowed."));
        refusals.put("415", new Refusal("UnsupportedMediaType", "unsupported-media-type", "Unsupported Media Type",
                "The body is not in a media type this operation reads.", "Content-Type 'text/plain' is not supported."));
        refusals.put("503", new Refusal("NotYetConsistent", "not-yet-consistent", "Service Unavailable",
                "The read model has not processed the consistentWith position within 5 s; ask again after Retry-After.",
                "The read model has not caught up with position 42 yet."));
        return refusals;
    }
}
