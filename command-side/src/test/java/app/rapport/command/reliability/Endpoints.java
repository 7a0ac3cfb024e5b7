package app.rapport.command.reliability;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every command endpoint the running app maps, read from Spring MVC itself, so an endpoint added
 * later is covered by the tests that walk this list without anyone touching them.
 */
record Endpoints(List<Endpoint> all) {

    /**
     * One method and path.
     *
     * @param body the type of the {@code @RequestBody}, or null for an endpoint without one
     * @param pathVariables each path variable's name and type, in path order
     * @param ifMatch whether the endpoint reads an {@code If-Match} header
     */
    record Endpoint(String method, String pattern, @Nullable Class<?> body, boolean bodyRequired,
                    Map<String, Class<?>> pathVariables, boolean ifMatch) {

        String path(Map<String, String> values) {
            String path = pattern;
            for (Map.Entry<String, String> variable : values.entrySet()) {
                path = path.replace("{" + variable.getKey() + "}", variable.getValue());
            }
            return path;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** The writing endpoints under {@code /api} of the app's own controllers. */
    static Endpoints commandsOf(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("app.rapport.command")) {
                continue;
            }
            Class<?> body = null;
            boolean bodyRequired = false;
            Map<String, Class<?>> pathVariables = new LinkedHashMap<>();
            boolean ifMatch = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                Parameter declared = parameter.getParameter();
                RequestBody requestBody = parameter.getParameterAnnotation(RequestBody.class);
                if (requestBody != null) {
                    body = parameter.getParameterType();
                    bodyRequired = requestBody.required();
                }
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (header != null && "If-Match".equalsIgnoreCase(header.value())) {
                    ifMatch = true;
                }
                PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
                if (pathVariable != null) {
                    String name = !pathVariable.value().isEmpty() ? pathVariable.value() : declared.getName();
                    pathVariables.put(name, parameter.getParameterType());
                }
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    if (pattern.startsWith("/api/") && method != RequestMethod.GET) {
                        endpoints.add(new Endpoint(method.name(), pattern, body, bodyRequired, pathVariables,
                                ifMatch));
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return new Endpoints(List.copyOf(endpoints));
    }
}
