/** The composer: multi-line text with drafts per conversation, and the forms that send images, voice, locations and rich content. */
package org.rongdesk.ui.composer;
