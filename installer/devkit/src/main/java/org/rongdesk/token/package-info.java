/**
 * Tokens: what RongCloud's server API {@code getToken} hands out, here a JWT (HS256) signed with
 * the App Secret, carrying {@code jid = <userId>@<appKey>} (local part XEP-0106 escaped) and
 * {@code exp}. ejabberd checks it at login ({@code auth_method: jwt}).
 */
package org.rongdesk.token;
