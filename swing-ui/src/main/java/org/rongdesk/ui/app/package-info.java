/** The bridge from the core facade to the EDT, and the small models the windows show. */
package org.rongdesk.ui.app;
