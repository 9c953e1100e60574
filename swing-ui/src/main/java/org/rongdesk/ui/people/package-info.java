/**
 * People: the names and pictures shown instead of user ids ({@link org.rongdesk.ui.people.Names},
 * {@link org.rongdesk.ui.people.Avatars}), the contacts with their presence, and the user's own
 * profile.
 */
package org.rongdesk.ui.people;
