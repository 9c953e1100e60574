package org.rongdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rongdesk.testing.PackageReferences;
import org.rongdesk.testing.PackageReferences.Reference;

/**
 * Core's packages stand in layers, and a package uses only those beneath it, read from the
 * compiled classes: base, model, {config, content}, {store, connection, media, plugin},
 * {conversation, search}, message, {room, people}, session, api, bridge. Packages on one layer do not use each
 * other. The plugin API (plugin-api's {@code plugin.api}) is a contract from outside: anything
 * from {config, content} up may use it.
 */
class LayeringTest {
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("base", 0),
            Map.entry("model", 1),
            Map.entry("config", 2), Map.entry("content", 2),
            Map.entry("store", 3), Map.entry("connection", 3), Map.entry("media", 3), Map.entry("plugin", 3),
            Map.entry("conversation", 4), Map.entry("search", 4),
            Map.entry("message", 5),
            Map.entry("room", 6), Map.entry("people", 6),
            Map.entry("session", 7),
            Map.entry("api", 8),
            Map.entry("bridge", 9));
    private static final String PLUGIN_API = "plugin.api";

    private final List<Reference> references = PackageReferences.under(Path.of("target/classes"));

    @Test
    void everyPackageHasItsLayer() {
        assertThat(references).isNotEmpty();
        assertThat(references.stream().map(Reference::from).distinct()).allSatisfy(pkg -> assertThat(LAYER).containsKey(pkg));
    }

    @Test
    void packagesUseOnlyTheLayersBeneathThem() {
        assertThat(PackageReferences.breaking(references, LayeringTest::allowed)).as("references that run up or sideways").isEmpty();
    }

    @Test
    void theStoreStandsOnTheModelAlone() {
        assertThat(PackageReferences.breaking(references, (from, to) -> !from.equals("store") || List.of("base", "model").contains(to)))
                .isEmpty();
    }

    static boolean allowed(String from, String to) {
        Integer below = LAYER.get(to);
        if (to.equals(PLUGIN_API)) {
            return LAYER.getOrDefault(from, 0) >= 2;
        }
        return below != null && below < LAYER.getOrDefault(from, -1);
    }
}
