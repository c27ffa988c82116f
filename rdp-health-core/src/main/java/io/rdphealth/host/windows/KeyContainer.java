package io.rdphealth.host.windows;

/**
 * A private key container file of a machine certificate.
 *
 * @param containerName  the CSP container name (e.g. TSSecKeySet1)
 * @param uniqueName     the file name in MachineKeys ({@code <md5>_<MachineGuid>})
 * @param path           full path of the container file
 * @param exists         whether the file exists ("keyset does not exist" when not)
 * @param sddl           the file's security descriptor in SDDL, or {@code null} when it does not exist or cannot be read
 */
public record KeyContainer(String containerName, String uniqueName, String path, boolean exists, String sddl) {
}
