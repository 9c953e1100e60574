/**
 * What every package of the client stands on and nothing of ours beneath it: the spec's error
 * codes and {@link org.rongdesk.base.RongException}, parameter checks ({@link org.rongdesk.base.Params},
 * {@link org.rongdesk.base.XmlChars}), named worker threads and private files.
 */
package org.rongdesk.base;
