/** Dialog building blocks: forms with labelled fields, confirmations, and the help and settings dialogs. */
package org.rongdesk.ui.dialog;
