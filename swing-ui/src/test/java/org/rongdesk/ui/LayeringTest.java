package org.rongdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rongdesk.testing.PackageReferences;

/**
 * The desktop client reaches core only through the facade ({@code api}), the basics every
 * package stands on ({@code base}) and the plugin API: what it does, the bridge can do too.
 */
class LayeringTest {
    private static final List<String> CORE_ALLOWED = List.of("api", "base", "plugin.api");

    @Test
    void theClientUsesCoreOnlyThroughTheFacade() {
        List<PackageReferences.Reference> references = PackageReferences.under(Path.of("target/classes"));
        assertThat(references).isNotEmpty();
        assertThat(PackageReferences.breaking(references, (from, to) -> to.equals("ui") || to.startsWith("ui.")
                || CORE_ALLOWED.contains(to))).as("references past the facade").isEmpty();
    }
}
