package org.rongdesk.devserver;

import java.nio.file.Path;
import java.util.Properties;

/**
 * How a dev server takes part in a cluster: its Erlang node on loopback, the private epmd all the
 * nodes register with, and what they share, the PostgreSQL database and the upload directory.
 *
 * @param nodeName     the Erlang node, {@code ejabberdN@127.0.0.1}
 * @param distPort     the node's Erlang distribution port on 127.0.0.1
 * @param epmdPort     the cluster's own epmd port (keeps it apart from any other Erlang here)
 * @param databasePort the cluster's PostgreSQL port on 127.0.0.1 (database and user {@code ejabberd})
 * @param uploadDir    the upload docroot every node serves from (a file PUT to one is GET from any)
 * @param erlangHome   the HOME of the nodes, whose {@code .erlang.cookie} they share
 */
public record ClusterNode(String nodeName, int distPort, int epmdPort, int databasePort, Path uploadDir, Path erlangHome) {

    public ClusterNode {
        if (nodeName == null || !nodeName.matches("[a-z0-9_]+@127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("a cluster node is named like ejabberd1@127.0.0.1, not " + nodeName);
        }
        uploadDir = uploadDir.toAbsolutePath().normalize();
        erlangHome = erlangHome.toAbsolutePath().normalize();
    }

    void save(Properties p) {
        p.setProperty("cluster.node", nodeName);
        p.setProperty("cluster.distPort", Integer.toString(distPort));
        p.setProperty("cluster.epmdPort", Integer.toString(epmdPort));
        p.setProperty("cluster.databasePort", Integer.toString(databasePort));
        p.setProperty("cluster.uploadDir", uploadDir.toString());
        p.setProperty("cluster.erlangHome", erlangHome.toString());
    }

    /** The membership saved in {@code p}, or null for a server of its own. */
    static ClusterNode load(Properties p) {
        String node = p.getProperty("cluster.node");
        if (node == null) {
            return null;
        }
        return new ClusterNode(node, Integer.parseInt(p.getProperty("cluster.distPort", "")),
                Integer.parseInt(p.getProperty("cluster.epmdPort", "")),
                Integer.parseInt(p.getProperty("cluster.databasePort", "")),
                Path.of(p.getProperty("cluster.uploadDir", "")), Path.of(p.getProperty("cluster.erlangHome", "")));
    }
}
