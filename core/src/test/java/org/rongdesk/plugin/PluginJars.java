package org.rongdesk.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds plugin jars from Java source at test time, as a plugin's own build would (for plugins that misbehave on purpose). */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * Compiles {@code sources} (class name → source) and jars them with this manifest; the
     * extension index lists {@code extensions}.
     */
    static Path build(Path dir, String fileName, Map<String, String> manifest, Map<String, String> sources, List<String> extensions)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve(fileName + "-src"));
        Path classes = Files.createDirectories(dir.resolve(fileName + "-classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        if (!files.isEmpty()) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
            args.addAll(files);
            if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("test plugin " + fileName + " did not compile");
            }
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
        Path jar = dir.resolve(fileName + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, mf);
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            zip.write(String.join("\n", extensions).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    /** The manifest of a well-formed plugin. */
    static Map<String, String> manifest(String id, String requires) {
        return Map.of("Plugin-Id", id, "Plugin-Version", "1.0.0", "Plugin-Requires", requires, "Plugin-Provider", "tests");
    }
}
