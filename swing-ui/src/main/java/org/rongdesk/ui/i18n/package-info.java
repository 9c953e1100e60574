/** The client's words in English and Chinese: one resource bundle, following the system locale or the user's choice. */
package org.rongdesk.ui.i18n;
