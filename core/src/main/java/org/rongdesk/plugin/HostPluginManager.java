package org.rongdesk.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;

/**
 * PF4J as the client uses it: plugin jars (described by their manifest) from several
 * directories, loaded under {@link PluginApiClassLoader}, with the enabled and disabled lists
 * kept by the client rather than written into the plugin directories (the installation's may be
 * read-only).
 */
final class HostPluginManager extends DefaultPluginManager {
    private final Set<String> disabled;
    private final Set<String> enabledOnly;

    /**
     * @param roots       directories holding plugin jars
     * @param disabled    ids never started
     * @param enabledOnly when not empty, only these ids are started
     * @param hostVersion the version plugins' {@code Plugin-Requires} is checked against
     */
    HostPluginManager(List<Path> roots, Set<String> disabled, Set<String> enabledOnly, String hostVersion) {
        super(roots);
        this.disabled = ConcurrentHashMap.newKeySet();
        this.disabled.addAll(disabled);
        this.enabledOnly = Set.copyOf(enabledOnly);
        setSystemVersion(hostVersion);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        PluginApiClassLoader api = new PluginApiClassLoader(HostPluginManager.class.getClassLoader());
        return new CompoundPluginLoader().add(new JarPluginLoader(this) {
            @Override
            public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                PluginClassLoader loader = new PluginClassLoader(pluginManager, descriptor, api);
                loader.addFile(pluginPath.toFile());
                return loader;
            }
        });
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return disabled.contains(pluginId) || !enabledOnly.isEmpty() && !enabledOnly.contains(pluginId);
            }

            @Override
            public void disablePlugin(String pluginId) {
                disabled.add(pluginId);
            }

            @Override
            public void enablePlugin(String pluginId) {
                disabled.remove(pluginId);
            }
        };
    }
}
