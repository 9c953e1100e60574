package org.rongdesk.devserver;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Calls into a cluster's nodes from a short-lived hidden Erlang node, as {@code ejabberdctl}
 * would but without its need to run as the {@code ejabberd} user. Each call starts an
 * {@code erl} (0.6–1 s).
 */
final class ErlangRpc {
    private final EjabberdInstallation installation;
    private final ClusterNode anyNode;

    ErlangRpc(EjabberdInstallation installation, ClusterNode anyNode) {
        this.installation = installation;
        this.anyNode = anyNode;
    }

    /**
     * {@code rpc:call(node, module, function, args)} printed with {@code ~p}; {@code args} is
     * Erlang source text of a list.
     */
    String call(String node, String module, String function, String args, Duration timeout) throws IOException {
        String self = "rongdesk_ctl_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4)) + "@127.0.0.1";
        String eval = "R = rpc:call('" + node + "', " + module + ", " + function + ", " + args + ", "
                + timeout.toMillis() + "), io:format(\"~p~n\", [R]), halt(0).";
        return Processes.run(List.of(installation.erl().toString(), "-noshell", "-hidden", "-name", self,
                "-kernel", "inet_dist_use_interface", "{127,0,0,1}", "-eval", eval),
                Map.of("HOME", anyNode.erlangHome().toString(), "ERL_EPMD_PORT", Integer.toString(anyNode.epmdPort()),
                        "ERL_EPMD_ADDRESS", "127.0.0.1"),
                timeout.plusSeconds(30));
    }

    /** The nodes {@code node} runs its database with (itself included), as Erlang prints the list. */
    String runningNodes(String node) throws IOException {
        return call(node, "mnesia", "system_info", "[running_db_nodes]", Duration.ofSeconds(10));
    }

    /** Makes {@code node} join the cluster of {@code member}; ejabberd restarts its applications on it. */
    void join(String node, String member) throws IOException {
        String result = call(node, "ejabberd_admin", "join_cluster", "[<<\"" + member + "\">>]", Duration.ofSeconds(60));
        if (!result.strip().startsWith("ok")) {
            throw new IOException(node + " could not join " + member + ": " + result);
        }
    }
}
