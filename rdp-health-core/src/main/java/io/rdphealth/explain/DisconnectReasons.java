package io.rdphealth.explain;

import java.util.List;

/**
 * The {@code IMsTscAxEvents::OnDisconnected} discReason list (learn.microsoft.com, "IMsTscAxEvents::OnDisconnected
 * method", also the source of the SSL_ERR_* entries). Complete as published; the meanings are
 * the project's own words.
 */
public final class DisconnectReasons {
    public static final CodeTable TABLE = new CodeTable(CodeList.DISCONNECT_REASON, List.of(
            c(0x0, "disconnectReasonNoInfo", "no reason was recorded"),
            c(0x1, "disconnectReasonLocalNotError", "the client side ended the connection on purpose; not an error"),
            c(0x2, "disconnectReasonRemoteByUser", "the user ended the session on the remote side; not an error"),
            c(0x3, "disconnectReasonByServer", "the server ended the connection; not an error by itself (the extended reason says why)"),
            c(0x104, "disconnectReasonDNSLookupFailed", "the client could not resolve the server name"),
            c(0x106, "disconnectReasonOutOfMemory", "the client ran out of memory"),
            c(0x108, "disconnectReasonConnectionTimedOut", "the connection attempt timed out"),
            c(0x204, "disconnectReasonSocketConnectFailed", "the TCP connect to the server failed"),
            c(0x206, "disconnectReasonOutOfMemory2", "the client ran out of memory"),
            c(0x208, "disconnectReasonHostNotFound", "the host was not found"),
            c(0x304, "disconnectReasonWinsockSendFailed", "sending on the socket failed"),
            c(0x306, "disconnectReasonOutOfMemory3", "the client ran out of memory"),
            c(0x308, "disconnectReasonInvalidIPAddr", "the IP address given is not a valid address"),
            c(0x404, "disconnectReasonSocketRecvFailed", "receiving on the socket failed"),
            c(0x406, "disconnectReasonInvalidSecurityData", "the security data received is invalid"),
            c(0x408, "disconnectReasonInternalError", "an internal error in the client"),
            c(0x506, "disconnectReasonInvalidEncryption", "the encryption method is invalid"),
            c(0x508, "disconnectReasonDNSLookupFailed2", "the name lookup failed"),
            c(0x604, "disconnectReasonGetHostByNameFailed", "the Windows Sockets gethostbyname call failed"),
            c(0x606, "disconnectReasonInvalidServerSecurityInfo", "the server's security data is invalid"),
            c(0x608, "disconnectReasonTimerError", "an internal timer failed"),
            c(0x704, "disconnectReasonTimeoutOccurred", "a time-out occurred during the connection"),
            c(0x706, "disconnectReasonServerCertificateUnpackErr", "the client could not unpack the server's certificate"),
            c(0x804, "disconnectReasonInvalidIP", "the IP address given is bad"),
            c(0x808, "disconnectReasonLicensingFailed", "the licensing negotiation failed"),
            c(0x904, "disconnectReasonAtClientWinsockFDCLOSE", "the socket was closed"),
            c(0x906, "disconnectReasonInternalSecurityError", "an internal security error"),
            c(0x908, "disconnectReasonLicensingTimeout", "the licensing exchange timed out"),
            c(0xA06, "disconnectReasonInternalSecurityError2", "an internal security error"),
            c(0xB06, "disconnectReasonEncryptionError", "encrypting data failed"),
            c(0xC06, "disconnectReasonDecryptionError", "decrypting data failed"),
            c(0xC08, "disconnectReasonClientDecompressionError", "the client could not decompress data"),
            c(0x807, "SSL_ERR_LOGON_FAILURE", "the logon failed"),
            c(0xA07, "SSL_ERR_NO_SUCH_USER", "the user has no account"),
            c(0xB07, "SSL_ERR_ACCOUNT_DISABLED", "the account is disabled"),
            c(0xC07, "SSL_ERR_ACCOUNT_RESTRICTION", "an account restriction prevents the logon"),
            c(0xD07, "SSL_ERR_ACCOUNT_LOCKED_OUT", "the account is locked out"),
            c(0xE07, "SSL_ERR_ACCOUNT_EXPIRED", "the account has expired"),
            c(0xF07, "SSL_ERR_PASSWORD_EXPIRED", "the password has expired"),
            c(0x1207, "SSL_ERR_PASSWORD_MUST_CHANGE", "the password must be changed before the first logon"),
            c(0x1607, "SSL_ERR_DELEGATION_POLICY", "policy does not allow delegating credentials to this server"),
            c(0x1707, "SSL_ERR_POLICY_NTLM_ONLY", "credentials may not be delegated without mutual authentication (only NTLM was possible)"),
            c(0x1807, "SSL_ERR_NO_AUTHENTICATING_AUTHORITY", "no authority (domain controller) could be contacted to authenticate"),
            c(0x1B07, "SSL_ERR_CERT_EXPIRED", "the certificate received has expired"),
            c(0x1C07, "SSL_ERR_SMARTCARD_WRONG_PIN", "a wrong smart card PIN was entered"),
            c(0x2107, "SSL_ERR_FRESH_CRED_REQUIRED_BY_SERVER", "the server refuses saved credentials; the user must type them"),
            c(0x2207, "SSL_ERR_SMARTCARD_CARD_BLOCKED", "the smart card is blocked")));

    public static final long SOCKET_CLOSED = 0x904;

    private DisconnectReasons() {
    }

    private static DisconnectCode c(long value, String name, String meaning) {
        return new DisconnectCode(CodeList.DISCONNECT_REASON, value, name, meaning);
    }
}
