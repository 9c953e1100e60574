/**
 * People: the names and pictures users give themselves (vcard-temp, the PEP nickname and
 * XEP-0084 avatars, announced in presence as XEP-0153 says), kept in the store and refreshed in
 * the background; and the user's contacts (the XMPP roster) with their presence.
 */
package org.rongdesk.people;
