/** What plugins show: their message views, their questions to the user, their announcements and their state. */
package org.rongdesk.ui.plugins;
