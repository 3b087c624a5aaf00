package org.opregister.security;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * Every HTTP route of the application, discovered from the compiled resource classes (not a hand-kept list),
 * with path parameters filled in from the given values.
 */
final class Routes {

    record Route(String method, String template, String path, boolean json, boolean multipart) {

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private Routes() {
    }

    static List<Route> discover(BiFunction<String, String, String> parameters) throws IOException {
        Path root = Path.of("target/classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Routes.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (classPath == null) {
                    continue;
                }
                boolean json = classPath.value().startsWith("/api");
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                    jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
                    boolean multipart = consumes != null
                            && java.util.Arrays.asList(consumes.value())
                                    .contains(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA);
                    routes.add(new Route(verb, template, fill(template, parameters), json, multipart));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Replaces each {name} by the value the function gives for (template, name). */
    private static String fill(String template, BiFunction<String, String, String> parameters) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = parameters.apply(template, matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "} of " + template
                        + ": add it to the parameters of the route tests");
            }
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
