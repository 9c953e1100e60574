/**
 * The bridge: the {@link org.rongdesk.api.RongCloud} facade for any process, as JSON lines on
 * stdin and stdout ({@code ./rongcloud bridge --config FILE --data DIR}; DESIGN §5).
 */
package org.rongdesk.bridge;
