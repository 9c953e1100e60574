package org.rongdesk.bridge;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.api.RongCloud;
import org.rongdesk.base.PrivateFiles;
import org.rongdesk.config.DataDirectory;

/**
 * {@code rongcloud bridge [--config FILE] [--data DIR]}: serves the API on stdin/stdout. Without
 * {@code --config}, or with a bad file, the bridge still runs and {@code init} explains the
 * problem. {@code --data} defaults to {@code $XDG_DATA_HOME/rongdesk} (or
 * {@code ~/.local/share/rongdesk}). Logs go to stderr; stdout carries only protocol lines.
 */
public final class BridgeMain {
    private static final Logger LOG = Logger.getLogger(BridgeMain.class.getName());

    private BridgeMain() {
    }

    public static void main(String[] args) {
        // stdout belongs to the protocol: anything else that prints goes to stderr
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path config = null;
        Path data = DataDirectory.byDefault();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ((option.equals("--config") || option.equals("--data")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]);
                if (option.equals("--config")) {
                    config = value;
                } else {
                    data = value;
                }
            } else {
                System.err.println("usage: rongcloud bridge [--config FILE] [--data DIR]  (bad argument: " + option + ")");
                System.exit(2);
            }
        }
        try {
            PrivateFiles.directories(data, data);
        } catch (IOException e) {
            System.err.println("error: cannot create the data directory " + data + ": " + e.getMessage());
            System.exit(1);
        }
        RongCloud rong = new RongCloud(config, data);
        try {
            new Bridge(rong, protocol).serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "reading requests failed", e);
            System.exit(1);
        } finally {
            rong.close();
            protocol.flush();
        }
        System.exit(0);
    }
}
