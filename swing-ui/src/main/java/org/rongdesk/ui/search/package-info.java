/** Message search: a dialog that finds stored messages by what they say and opens one in its conversation. */
package org.rongdesk.ui.search;
