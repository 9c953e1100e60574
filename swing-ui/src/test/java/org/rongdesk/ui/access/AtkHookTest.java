package org.rongdesk.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtkHookTest {
    @TempDir
    Path dir;

    @Test
    void switchesOnOnlyWhenTheJarAndTheLibraryAreBothThere() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path jni = Files.createDirectory(dir.resolve("jni"));
        Files.createFile(jni.resolve(System.mapLibraryName("atk-wrapper")));

        assertThat(AtkHook.decide(null, null, true, List.of(empty, jni))).isTrue();
        assertThat(AtkHook.decide(null, null, true, List.of(empty))).as("no native library").isFalse();
        assertThat(AtkHook.decide(null, null, false, List.of(jni))).as("no jar").isFalse();
    }

    @Test
    void leavesAnotherChoiceAndTheUsersRefusalAlone() throws IOException {
        Path jni = Files.createDirectory(dir.resolve("jni"));
        Files.createFile(jni.resolve(System.mapLibraryName("atk-wrapper")));

        assertThat(AtkHook.decide("com.example.Magnifier", null, true, List.of(jni))).isFalse();
        assertThat(AtkHook.decide(null, "off", true, List.of(jni))).isFalse();
        assertThat(AtkHook.decide(null, "on", true, List.of(jni))).isTrue();
    }

    @Test
    void readsEveryLibraryPathEntry() {
        String path = String.join(File.pathSeparator, "/usr/lib/jni", "", "/opt/x");
        assertThat(AtkHook.libraryDirs(path)).containsExactly(Path.of("/usr/lib/jni"), Path.of("/opt/x"));
    }
}
