/**
 * The rongCloud API: the {@link org.rongdesk.api.RongCloud} facade with the spec's method names,
 * JSON parameters in and {@code (ret, err)} callbacks out, and the error codes it answers with.
 * The Swing UI, the bridge and the tests all go through it.
 */
package org.rongdesk.api;
