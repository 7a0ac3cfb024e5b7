package app.rapport.apiclient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The lint rules a description must keep (docs/openapi.md names them): those of Redocly's
 * {@code recommended} set that apply to a generated description, and Rapport's own. Each broken
 * rule is one line naming the rule and where, so a failing test says what to fix.
 */
final class DescriptionRules {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_.~-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DescriptionRules() {
    }

    static List<String> check(String description) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIParser().readContents(description, null, options).getOpenAPI();
        List<String> broken = new ArrayList<>();
        if (api.getInfo() == null || isBlank(api.getInfo().getTitle()) || isBlank(api.getInfo().getVersion())
                || isBlank(api.getInfo().getDescription())) {
            broken.add("info: a title, a version and a description");
        }
        Map<String, String> tags = new HashMap<>();
        for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
            if (isBlank(tag.getDescription())) {
                broken.add("tag-description: tag " + tag.getName());
            }
            tags.put(tag.getName(), tag.getDescription());
        }
        Set<String> schemes = api.getComponents().getSecuritySchemes() == null ? Set.of()
                : api.getComponents().getSecuritySchemes().keySet();
        api.getSecurity().forEach(requirement -> requirement.keySet().stream().filter(name -> !schemes.contains(name))
                .forEach(name -> broken.add("security-defined: " + name)));
        SchemaValidator schemas = new SchemaValidator(api, new MessageResolver(LevelResolver.create().build()));
        Set<String> operationIds = new HashSet<>();
        Map<String, String> shapes = new HashMap<>();
        api.getPaths().forEach((path, item) -> {
            String shape = PATH_PARAMETER.matcher(path).replaceAll("{}");
            String earlier = shapes.putIfAbsent(shape, path);
            if (earlier != null) {
                broken.add("no-ambiguous-paths: " + path + " and " + earlier);
            }
            item.readOperationsMap().forEach((method, operation) ->
                    checkOperation(api, path, method, item, operation, tags, operationIds, schemas, broken));
        });
        return broken;
    }

    private static void checkOperation(OpenAPI api, String path, PathItem.HttpMethod method, PathItem item,
                                       Operation operation, Map<String, String> tags, Set<String> operationIds,
                                       SchemaValidator schemas, List<String> broken) {
        String where = method + " " + path;
        if (isBlank(operation.getOperationId())) {
            broken.add("operation-operationId: " + where);
        } else {
            if (!operationIds.add(operation.getOperationId())) {
                broken.add("operation-operationId-unique: " + operation.getOperationId() + " at " + where);
            }
            if (!URL_SAFE.matcher(operation.getOperationId()).matches() || operation.getOperationId().contains("_")) {
                broken.add("operation-operationId-url-safe (and no springdoc _n suffix): " + where);
            }
        }
        if (isBlank(operation.getSummary())) {
            broken.add("operation-summary: " + where);
        } else if (operation.getSummary().endsWith(".")) {
            broken.add("summary without a final period: " + where);
        }
        if (isBlank(operation.getDescription())) {
            broken.add("operation-description: " + where);
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            broken.add("operation-tags: " + where);
        } else {
            if (operation.getTags().size() > 1) {
                broken.add("operation-singular-tag (one API class per subject in a generated client): " + where);
            }
            operation.getTags().stream().filter(tag -> !tags.containsKey(tag))
                    .forEach(tag -> broken.add("operation-tag-defined: " + tag + " at " + where));
        }
        Set<String> declared = new HashSet<>();
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        parameters.replaceAll(p -> resolved(api, p));
        parameters.stream().filter(p -> "path".equals(p.getIn())).forEach(p -> declared.add(p.getName()));
        Matcher names = PATH_PARAMETER.matcher(path);
        while (names.find()) {
            if (!declared.contains(names.group(1))) {
                broken.add("path-parameters-defined: " + names.group(1) + " at " + where);
            }
        }
        parameters.stream().filter(p -> isBlank(p.getDescription()))
                .forEach(p -> broken.add("parameter-description: " + p.getName() + " at " + where));
        if (operation.getRequestBody() != null) {
            checkContent(operation.getRequestBody().getContent(), where + " request", schemas, broken);
        }
        Map<String, ApiResponse> responses = operation.getResponses();
        if (responses == null || responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
            broken.add("operation-2xx-response: " + where);
        }
        if (responses == null || responses.keySet().stream().noneMatch(status -> status.startsWith("4"))) {
            broken.add("operation-4xx-response: " + where);
        }
        if (responses != null) {
            responses.forEach((status, referred) -> {
                ApiResponse response = resolved(api, referred);
                String answer = where + " " + status;
                if (isBlank(response.getDescription())) {
                    broken.add("response-description: " + answer);
                }
                if (status.startsWith("4") || status.startsWith("5")) {
                    Content content = response.getContent();
                    if (content == null || content.size() != 1 || !content.containsKey("application/problem+json")) {
                        broken.add("refusal-is-a-problem-document: " + answer);
                    }
                }
                checkContent(response.getContent(), answer, schemas, broken);
            });
        }
    }

    private static Parameter resolved(OpenAPI api, Parameter parameter) {
        return parameter.get$ref() == null ? parameter
                : api.getComponents().getParameters().get(name(parameter.get$ref()));
    }

    private static ApiResponse resolved(OpenAPI api, ApiResponse response) {
        return response.get$ref() == null ? response
                : api.getComponents().getResponses().get(name(response.get$ref()));
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void checkContent(Content content, String where, SchemaValidator schemas, List<String> broken) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (type.contains("*")) {
                broken.add("no-wildcard-media-type: " + type + " at " + where);
            }
            if (isJson(type)) {
                checkExample(media, where + " " + type, schemas, broken);
            }
        });
    }

    private static void checkExample(MediaType media, String where, SchemaValidator schemas, List<String> broken) {
        List<Object> examples = new ArrayList<>();
        if (media.getExample() != null) {
            examples.add(media.getExample());
        }
        if (media.getExamples() != null) {
            media.getExamples().values().forEach(example -> examples.add(example.getValue()));
        }
        if (examples.isEmpty()) {
            broken.add("media-type-example: " + where);
            return;
        }
        for (Object example : examples) {
            String text;
            try {
                text = example instanceof String string && looksLikeJson(string) ? string
                        : JSON.writeValueAsString(example);
            } catch (JsonProcessingException e) {
                broken.add("no-invalid-media-type-examples: unreadable example at " + where);
                continue;
            }
            ValidationReport report = schemas.validate(text, media.getSchema(), "example");
            if (report.hasErrors()) {
                broken.add("no-invalid-media-type-examples: " + where + ": " + report.getMessages());
            }
        }
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static boolean isJson(String type) {
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
