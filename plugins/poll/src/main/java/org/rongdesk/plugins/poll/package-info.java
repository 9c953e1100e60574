/**
 * Polls: the {@code App:Poll} content type ({@code {pollId, question, options}}), the
 * {@code poll.vote} command ({@code {pollId, option}}) that answers one, tallies counted from the
 * votes in history (each sender's last vote counts), and a Swing view whose buttons vote.
 */
package org.rongdesk.plugins.poll;
