package org.rongdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.rongdesk.base.RongException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads {@code config.xml}: the first {@code <feature name="rongCloud">} anywhere in the file
 * (inside {@code <widget>} or as the root) and its {@code <param name=".." value=".."/>} children.
 * Every problem answers -10002 with a message that names the file and what is wrong.
 *
 * <table>
 *   <caption>Params</caption>
 *   <tr><th>name</th><th>required</th><th>default</th></tr>
 *   <tr><td>appKey</td><td>yes</td><td>–</td></tr>
 *   <tr><td>server</td><td>no</td><td>{@code <appKey>:5222}; {@code host}, {@code host:port} or {@code [v6]:port},
 *       or several separated by commas, tried in order (a cluster's nodes)</td></tr>
 *   <tr><td>tls</td><td>no</td><td>{@code required}, or {@code optional} when every server is loopback ({@link TlsMode#defaultFor})</td></tr>
 *   <tr><td>trustedCertificate</td><td>no</td><td>none: a PEM file (relative: to this file's directory) of certificates
 *       trusted beside the JDK's trust store, e.g. a self-signed development certificate; the host name is still checked</td></tr>
 *   <tr><td>uploadService</td><td>no</td><td>{@code upload.<appKey>}</td></tr>
 *   <tr><td>timeout</td><td>no</td><td>10000 (milliseconds, 100–600000)</td></tr>
 *   <tr><td>roomCheck</td><td>no</td><td>120000 (milliseconds, 1000–3600000): a room silent this long is asked
 *       (XEP-0410 self-ping) whether the user is still in it</td></tr>
 *   <tr><td>fileBase</td><td>no</td><td>{@code <data dir>/fs}: where {@code fs://} points</td></tr>
 *   <tr><td>customerService</td><td>no</td><td>none: comma-separated user ids whose chats are CUSTOMER_SERVICE</td></tr>
 * </table>
 */
public final class ConfigReader {
    private static final long MAX_TIMEOUT_MS = 600_000;
    private static final long MIN_TIMEOUT_MS = 100;
    private static final long MIN_ROOM_CHECK_MS = 1_000;
    private static final long MAX_ROOM_CHECK_MS = 3_600_000;

    private ConfigReader() {
    }

    /** Reads and checks {@code file}. */
    public static ClientConfig read(Path file) throws RongException {
        if (file == null) {
            throw RongException.invalid("no config file was given");
        }
        Map<String, String> params = params(file);
        String where = "config " + file + ": ";
        String appKey = params.get("appKey");
        if (appKey == null || appKey.isBlank()) {
            throw RongException.invalid(where + "the rongCloud feature has no appKey param");
        }
        appKey = appKey.trim().toLowerCase(Locale.ROOT);
        try {
            JidCreate.domainBareFrom(appKey);
        } catch (XmppStringprepException e) {
            throw RongException.invalid(where + "appKey '" + appKey + "' is not a valid XMPP domain");
        }
        if (appKey.contains("@") || appKey.contains("/")) {
            throw RongException.invalid(where + "appKey '" + appKey + "' is not a domain name");
        }

        List<Endpoint> servers = servers(where, appKey, params.get("server"));

        // TLS may be left out only when every server is this machine
        TlsMode tls = servers.stream().allMatch(server -> TlsMode.defaultFor(server.host()) == TlsMode.OPTIONAL)
                ? TlsMode.OPTIONAL : TlsMode.REQUIRED;
        if (params.containsKey("tls")) {
            String value = params.get("tls").trim().toLowerCase(Locale.ROOT);
            tls = TlsMode.fromConfigValue(value).orElseThrow(() -> RongException.invalid(
                    where + "tls must be required, optional or disabled, not '" + value + "'"));
        }

        String upload = params.getOrDefault("uploadService", "upload." + appKey).trim();

        Duration timeout = millis(where, params, "timeout", MIN_TIMEOUT_MS, MAX_TIMEOUT_MS, ClientConfig.DEFAULT_TIMEOUT);
        Duration roomCheck = millis(where, params, "roomCheck", MIN_ROOM_CHECK_MS, MAX_ROOM_CHECK_MS,
                ClientConfig.DEFAULT_ROOM_CHECK);
        Path fileBase = null;
        if (params.containsKey("fileBase")) {
            fileBase = Path.of(params.get("fileBase").trim());
            if (!fileBase.isAbsolute()) {
                throw RongException.invalid(where + "fileBase must be an absolute directory, not '" + fileBase + "'");
            }
        }
        Set<String> customerService = new LinkedHashSet<>();
        for (String id : params.getOrDefault("customerService", "").split(",")) {
            if (!id.isBlank()) {
                customerService.add(id.trim());
            }
        }
        List<X509Certificate> trusted = params.containsKey("trustedCertificate")
                ? TrustedCertificates.read(file, params.get("trustedCertificate")) : List.of();
        return new ClientConfig(appKey, servers, tls, upload, timeout, fileBase, Set.copyOf(customerService), trusted,
                roomCheck);
    }

    /**
     * The {@code server} param: one endpoint, or several separated by commas (the nodes of a
     * cluster, the client's own first), tried in that order.
     */
    /** Param {@code name} as milliseconds between {@code min} and {@code max}, or {@code fallback} when absent. */
    private static Duration millis(String where, Map<String, String> params, String name, long min, long max,
            Duration fallback) throws RongException {
        if (!params.containsKey(name)) {
            return fallback;
        }
        long ms = number(where + name, params.get(name));
        if (ms < min || ms > max) {
            throw RongException.invalid(where + name + " must be between " + min + " and " + max + " milliseconds, not " + ms);
        }
        return Duration.ofMillis(ms);
    }

    private static List<Endpoint> servers(String where, String appKey, String param) throws RongException {
        if (param == null) {
            return List.of(new Endpoint(appKey, ClientConfig.DEFAULT_PORT));
        }
        List<Endpoint> servers = new ArrayList<>();
        String[] entries = param.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String what = entries.length == 1 ? "server '" + entry + "'" : "server entry " + (i + 1) + " ('" + entry + "') of '" + param.trim() + "'";
            if (entry.isEmpty()) {
                throw RongException.invalid(where + what + " is empty");
            }
            servers.add(endpoint(where + what, appKey, entry));
        }
        return List.copyOf(servers);
    }

    private static Endpoint endpoint(String what, String appKey, String server) throws RongException {
        String host = server;
        int port = ClientConfig.DEFAULT_PORT;
        int colon = server.lastIndexOf(':');
        boolean bracketed = server.startsWith("[");
        // an IPv6 address without brackets has several colons and no port
        boolean hasPort = bracketed ? server.lastIndexOf(']') < colon : colon >= 0 && server.indexOf(':') == colon;
        if (hasPort) {
            host = server.substring(0, colon);
            port = port(what + ": ", server.substring(colon + 1));
        }
        if (bracketed) {
            host = host.replaceAll("^\\[|]$", "");
        }
        if (host.isEmpty()) {
            throw RongException.invalid(what + " has no host");
        }
        return new Endpoint(host, port);
    }

    private static Map<String, String> params(Path file) throws RongException {
        Element feature = feature(file);
        Map<String, String> params = new HashMap<>();
        NodeList children = feature.getElementsByTagName("param");
        for (int i = 0; i < children.getLength(); i++) {
            Element param = (Element) children.item(i);
            if (param.hasAttribute("name") && param.hasAttribute("value")) {
                params.putIfAbsent(param.getAttribute("name"), param.getAttribute("value"));
            }
        }
        return params;
    }

    private static Element feature(Path file) throws RongException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilder parser = secureParser();
            parser.setErrorHandler(null);
            NodeList features = parser.parse(in).getElementsByTagName("feature");
            for (int i = 0; i < features.getLength(); i++) {
                Element feature = (Element) features.item(i);
                if ("rongCloud".equals(feature.getAttribute("name"))) {
                    return feature;
                }
            }
            throw RongException.invalid("config " + file + ": there is no <feature name=\"rongCloud\"> element");
        } catch (NoSuchFileException e) {
            throw RongException.invalid("config file " + file + " does not exist");
        } catch (SAXParseException e) {
            throw RongException.invalid("config " + file + " is not well-formed XML (line " + e.getLineNumber() + "): "
                    + e.getMessage());
        } catch (SAXException | IOException e) {
            throw RongException.invalid("config file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static DocumentBuilder secureParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // no DTDs, no external entities: a config file must not reach out to anything
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static int port(String where, String text) throws RongException {
        long port = number(where + "server port", text);
        if (port < 1 || port > 65535) {
            throw RongException.invalid(where + "server port must be between 1 and 65535, not " + port);
        }
        return (int) port;
    }

    private static long number(String what, String text) throws RongException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw RongException.invalid(what + " must be a whole number, not '" + text + "'");
        }
    }
}
