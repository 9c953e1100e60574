package org.rongdesk.plugin;

import java.nio.file.Path;
import java.util.List;

import org.rongdesk.config.DataDirectory;
import org.rongdesk.content.ContentTypes;

/**
 * {@code rongcloud plugins [--data DIR]}: lists the plugins the client would load, with their
 * state and any problem, from the installation's and the user's plugin directories. Exit 0 when
 * every plugin started, 1 otherwise.
 */
public final class PluginsMain {
    private PluginsMain() {
    }

    public static void main(String[] args) {
        Path data = args.length == 2 && args[0].equals("--data") ? Path.of(args[1]) : DataDirectory.byDefault();
        List<Path> roots = PluginHost.defaultRoots(data);
        PluginHost host = new PluginHost(roots, roots.get(roots.size() - 1), ContentTypes.withBuiltIns());
        host.load();
        List<PluginStatus> plugins = host.status();
        System.out.println("plugin directories: " + roots);
        if (plugins.isEmpty()) {
            System.out.println("no plugins found");
        }
        boolean allStarted = true;
        for (PluginStatus plugin : plugins) {
            System.out.printf("%-24s %-10s %-9s %s%n", plugin.id(), plugin.version(), plugin.state(), plugin.path());
            if (!plugin.problem().isEmpty()) {
                System.out.println("    problem: " + plugin.problem());
            }
            allStarted &= plugin.state().equals("STARTED") || plugin.state().equals("DISABLED");
        }
        host.close();
        System.exit(allStarted ? 0 : 1);
    }
}
