package org.rongdesk.connection;

import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.util.rce.RemoteConnectionEndpointLookupFailure;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.config.Endpoint;

/**
 * Why a connection attempt failed, in the spec's terms: its error code, whether trying again
 * later can help, and whether the cause is this machine's network.
 */
final class ConnectFailure {
    final RongException error;
    final boolean retryable;
    final boolean networkUnavailable;

    private ConnectFailure(int code, String message, Throwable cause, boolean retryable, boolean networkUnavailable) {
        this.error = new RongException(code, message, cause);
        this.retryable = retryable;
        this.networkUnavailable = networkUnavailable;
    }

    static ConnectFailure of(Exception e, ClientConfig config, Endpoint tried, Token token) {
        String server = tried.toString();
        if (e instanceof SASLErrorException) {
            String expiry = token.expires().filter(exp -> exp.isBefore(java.time.Instant.now()))
                    .map(exp -> "; it expired at " + exp).orElse("");
            return fatal(ErrorCode.TOKEN_INCORRECT, "the server rejected the token for " + token.userId() + expiry, e);
        }
        if (e instanceof XMPPException.StreamErrorException streamError) {
            StreamError.Condition condition = streamError.getStreamError().getCondition();
            if (condition == StreamError.Condition.host_unknown) {
                return fatal(ErrorCode.APP_KEY_REJECTED, "the server at " + server + " does not serve App Key "
                        + config.appKey() + " (host-unknown)", e);
            }
            return new ConnectFailure(ErrorCode.SERVER_UNAVAILABLE, "the server at " + server
                    + " closed the stream: " + condition, e, true, false);
        }
        if (e instanceof SmackException.NoResponseException) {
            return retry(ErrorCode.SERVER_TIMEOUT, "the server at " + server + " did not answer within "
                    + config.timeout().toMillis() + " ms", e, false);
        }
        Optional<String> tls = TlsFailure.describe(e, config, server);
        if (tls.isPresent()) {
            // final: trying again cannot make a certificate trusted; connect or reconnect tries once more
            return fatal(ErrorCode.SERVER_UNAVAILABLE, tls.get(), e);
        }
        if (e instanceof SmackException.EndpointConnectionException endpoint) {
            List<Exception> causes = new ArrayList<>();
            endpoint.getConnectionExceptions().stream().map(RemoteConnectionException::getException).forEach(causes::add);
            endpoint.getLookupFailures().stream().map(RemoteConnectionEndpointLookupFailure::getException).forEach(causes::add);
            boolean timedOut = causes.stream().anyMatch(SocketTimeoutException.class::isInstance);
            boolean noRoute = causes.stream().anyMatch(c -> c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException || String.valueOf(c.getMessage()).contains("unreachable"));
            String why = causes.isEmpty() ? endpoint.getMessage() : String.valueOf(causes.get(0).getMessage());
            if (timedOut) {
                return retry(ErrorCode.SERVER_TIMEOUT, "the server at " + server + " did not accept the connection within "
                        + config.timeout().toMillis() + " ms", e, noRoute);
            }
            return retry(ErrorCode.SERVER_UNAVAILABLE, "cannot reach the server at " + server + ": " + why, e, noRoute);
        }
        if (e instanceof SmackException.ConnectionException || e instanceof IOException
                || e instanceof SmackException.NotConnectedException) {
            return retry(ErrorCode.SERVER_UNAVAILABLE, "the connection to " + server + " failed: " + e.getMessage(), e, false);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return fatal(ErrorCode.UNKNOWN, "connecting was interrupted", e);
        }
        return fatal(ErrorCode.UNKNOWN, "connecting to " + server + " failed: " + e, e);
    }

    private static ConnectFailure fatal(int code, String message, Exception cause) {
        return new ConnectFailure(code, message, cause, false, false);
    }

    private static ConnectFailure retry(int code, String message, Exception cause, boolean networkUnavailable) {
        return new ConnectFailure(code, message, cause, true, networkUnavailable);
    }
}
