package org.rongdesk.message;

/**
 * How a received stanza reached this client. A peer can put anything in a stanza; the route
 * decides which parts the server (not the peer) wrote, see {@link Vouched}.
 */
enum Route {
    /** Pushed as it was sent: the server vouches only for {@code from}. */
    LIVE,
    /** A room's history, sent on entering it: ejabberd sets the {@code ofrom} address. */
    ROOM_HISTORY,
    /** Fetched from offline storage: the server stamped a delay in its own name. */
    OFFLINE,
    /** Read from an archive: the forwarded stamp and a room message's occupant item are the archive's. */
    ARCHIVE
}
