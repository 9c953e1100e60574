package org.rongdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of our packages each compiled class refers to. A class file names every class it uses
 * (imports, field and method types, casts, lambdas) in its constant pool as
 * {@code org/rongdesk/pkg/Name}, so the bytes tell what the source's imports and fully written
 * names do, after the compiler has checked them.
 */
public final class PackageReferences {
    private static final Pattern OURS = Pattern.compile("org/rongdesk/([a-z0-9_/]+?)/[A-Z]");

    /** One use of package {@code to} by class {@code from}. */
    public record Reference(String fromClass, String from, String to) {
        @Override
        public String toString() {
            return fromClass + " -> " + to;
        }
    }

    private PackageReferences() {
    }

    /** Every reference from a class under {@code classes} to another of our packages, package names relative to org.rongdesk. */
    public static List<Reference> under(Path classes) {
        List<Reference> references = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("org/rongdesk/") || name.endsWith("package-info.class")) {
                    continue;
                }
                String from = name.substring("org/rongdesk/".length(), name.lastIndexOf('/')).replace('/', '.');
                String fromClass = from + "." + name.substring(name.lastIndexOf('/') + 1, name.length() - ".class".length());
                Matcher matcher = OURS.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                TreeSet<String> seen = new TreeSet<>();
                while (matcher.find()) {
                    String to = matcher.group(1).replace('/', '.');
                    if (!to.equals(from) && seen.add(to)) {
                        references.add(new Reference(fromClass, from, to));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    /** The references {@code allowed} refuses, as readable lines. */
    public static List<String> breaking(List<Reference> references, BiPredicate<String, String> allowed) {
        return references.stream().filter(r -> !allowed.test(r.from(), r.to())).map(Reference::toString).sorted().toList();
    }
}
