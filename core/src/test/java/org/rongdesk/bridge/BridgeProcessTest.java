package org.rongdesk.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;

/** The bridge as its own process: stdout carries only protocol lines, end of input exits 0, tokens are never logged. */
@ExtendWith(EjabberdExtension.class)
class BridgeProcessTest {

    @Test
    void endOfInputDisconnectsAndExitsZero(DevServer server, @TempDir Path dir) throws Exception {
        Path config = server.writeClientConfig(dir.resolve("config.xml"));
        String token = server.token("alice", Duration.ofHours(1));
        Path stderr = dir.resolve("stderr.txt");
        Process bridge = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BridgeMain.class.getName(),
                "--config", config.toString(), "--data", dir.resolve("data").toString())
                .redirectError(stderr.toFile())
                .start();
        try (OutputStream in = bridge.getOutputStream()) {
            in.write(("{\"id\":1,\"method\":\"init\"}\n{\"id\":2,\"method\":\"connect\",\"params\":{\"token\":\""
                    + token + "\"}}\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bridge.waitFor(60, TimeUnit.SECONDS)).as("exits after end of input").isTrue();
        List<String> lines = new String(bridge.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(bridge.exitValue()).isZero();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(JsonParser.parseString(line).isJsonObject()).isTrue());
        assertThat(lines.get(1)).contains("\"userId\":\"alice\"");
        String log = Files.readString(stderr);
        assertThat(log).contains("signed in as alice");
        assertThat(log).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        assertThat(Files.isDirectory(dir.resolve("data"))).isTrue();
    }
}
