package org.rongdesk.bench;

import java.nio.file.Path;

import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.DevServerSettings;

/**
 * A private ejabberd for one benchmark run, on free loopback ports in a temporary directory; both
 * go when {@code cleanup} runs.
 *
 * @param dir    the run's temporary directory (the server lives in {@code dir/server})
 * @param server the started server
 */
record BenchServer(Path dir, DevServer server) {
    /** Starts a server for App Key demo.local in a new temporary directory named {@code prefix…}. */
    static BenchServer start(Cleanup cleanup, String prefix) throws Exception {
        TempDir dir = new TempDir(prefix);
        cleanup.add(dir::close);
        DevServer server = DevServer.create(dir.path().resolve("server"), DevServerSettings.withFreePorts("demo.local"));
        cleanup.add(server::stop);
        Log.info("starting ejabberd on port " + server.settings().c2sPort());
        server.start();
        return new BenchServer(dir.path(), server);
    }
}
