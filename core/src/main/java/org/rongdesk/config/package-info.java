/**
 * The client configuration: the spec's {@code config.xml} ({@code <feature name="rongCloud">}
 * with an {@code appKey} param) and Rong Desk's optional params (server, tls, uploadService,
 * timeout).
 */
package org.rongdesk.config;
