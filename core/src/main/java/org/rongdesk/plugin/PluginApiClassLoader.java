package org.rongdesk.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: it lets a plugin see the JDK, PF4J, Gson and the
 * plugin API, and nothing else of the client (Smack, H2, the client's own classes), so that the
 * API stays the boundary and a plugin cannot reach into the client's internals.
 */
final class PluginApiClassLoader extends ClassLoader {
    private static final List<String> VISIBLE = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
            "org.ietf.", "org.pf4j.", "com.google.gson.", "org.rongdesk.plugin.api.");
    private final ClassLoader host;

    PluginApiClassLoader(ClassLoader host) {
        super(null);
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!visible(name)) {
            throw new ClassNotFoundException(name + " is not part of the plugin API");
        }
        return host.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
        return visible(name.replace('/', '.')) ? host.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return visible(name.replace('/', '.')) ? host.getResources(name) : Collections.emptyEnumeration();
    }

    static boolean visible(String name) {
        for (String prefix : VISIBLE) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
