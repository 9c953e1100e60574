/** Images, voice and files: thumbnails read off the EDT, the image viewer, voice playing and recording, staging files to send. */
package org.rongdesk.ui.media;
