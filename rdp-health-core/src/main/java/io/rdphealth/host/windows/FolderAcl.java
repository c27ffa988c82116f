package io.rdphealth.host.windows;

/**
 * A folder and its security descriptor.
 *
 * @param path  full path
 * @param sddl  the security descriptor in SDDL, or {@code null} when it could not be read
 */
public record FolderAcl(String path, String sddl) {
}
