/**
 * The dev server kit: a private ejabberd on loopback serving one App Key, with its configuration
 * rendered from a template, its App Secret, its admin API client and the client config that
 * points Rong Desk at it. Used by {@code ./rongcloud server} and by the integration tests.
 */
package org.rongdesk.devserver;
