package io.rdphealth.explain;

import java.util.List;

/**
 * MS-RDPBCGR 2.2.5.1.1 Set Error Info PDU errorInfo codes (ERRINFO_*): what a Windows server
 * tells the client before it disconnects. The client passes the number on as its extended
 * disconnect reason, which is why extended 0x7 is ERRINFO_SERVER_DENIED_CONNECTION.
 *
 * <p>Values and names were checked against the specification page's opening (codes 0x0..0x3)
 * and two independent transcriptions of the full list (FreeRDP's {@code include/freerdp/error.h}
 * and IronRDP's {@code server_error_info.rs}); an entry is here only when they agree. Left out as
 * unverified: 0x8 (a FIPS denial, present in older transcriptions only) and 0x1196 (FreeRDP only).
 * Meanings are the project's own words.
 */
public final class ErrorInfoCodes {
    public static final CodeTable TABLE = new CodeTable(CodeList.ERROR_INFO, List.of(
            // Protocol-independent codes.
            c(0x0, "ERRINFO_NONE", "no error"),
            c(0x1, "ERRINFO_RPC_INITIATED_DISCONNECT", "an administrative tool in another session disconnected the session"),
            c(0x2, "ERRINFO_RPC_INITIATED_LOGOFF", "an administrative tool in another session forced a logoff"),
            c(0x3, "ERRINFO_IDLE_TIMEOUT", "the idle-session time limit on the server ran out"),
            c(0x4, "ERRINFO_LOGON_TIMEOUT", "the active-session time limit on the server ran out"),
            c(0x5, "ERRINFO_DISCONNECTED_BY_OTHERCONNECTION", "another connection to the same session took it over"),
            c(0x6, "ERRINFO_OUT_OF_MEMORY", "the server ran out of memory"),
            c(0x7, "ERRINFO_SERVER_DENIED_CONNECTION", "the server refused the connection"),
            c(0x9, "ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES", "the user lacks the privileges to connect"),
            c(0xA, "ERRINFO_SERVER_FRESH_CREDENTIALS_REQUIRED", "the server does not accept saved credentials"),
            c(0xB, "ERRINFO_RPC_INITIATED_DISCONNECT_BYUSER", "an administrative tool in the user's own session disconnected it"),
            c(0xC, "ERRINFO_LOGOFF_BY_USER", "the user logged off"),
            c(0xF, "ERRINFO_CLOSE_STACK_ON_DRIVER_NOT_READY", "the session's display driver did not report ready in time"),
            c(0x10, "ERRINFO_SERVER_DWM_CRASH", "the Desktop Window Manager in the session ended unexpectedly"),
            c(0x11, "ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE", "the session's display driver failed to start"),
            c(0x12, "ERRINFO_CLOSE_STACK_ON_DRIVER_IFACE_FAILURE", "the session's display driver started but was unusable"),
            c(0x17, "ERRINFO_SERVER_WINLOGON_CRASH", "Winlogon in the session ended unexpectedly"),
            c(0x18, "ERRINFO_SERVER_CSRSS_CRASH", "CSRSS in the session ended unexpectedly"),
            // Protocol-independent licensing codes.
            c(0x100, "ERRINFO_LICENSE_INTERNAL", "an internal error in the licensing component"),
            c(0x101, "ERRINFO_LICENSE_NO_LICENSE_SERVER", "no Remote Desktop license server was found"),
            c(0x102, "ERRINFO_LICENSE_NO_LICENSE", "no client access license is available"),
            c(0x103, "ERRINFO_LICENSE_BAD_CLIENT_MSG", "the server got an invalid licensing message"),
            c(0x104, "ERRINFO_LICENSE_HWID_DOESNT_MATCH_LICENSE", "the client's stored license was modified"),
            c(0x105, "ERRINFO_LICENSE_BAD_CLIENT_LICENSE", "the client's stored license has an invalid format"),
            c(0x106, "ERRINFO_LICENSE_CANT_FINISH_PROTOCOL", "network problems ended the licensing exchange"),
            c(0x107, "ERRINFO_LICENSE_CLIENT_ENDED_PROTOCOL", "the client ended the licensing exchange early"),
            c(0x108, "ERRINFO_LICENSE_BAD_CLIENT_ENCRYPTION", "a licensing message was encrypted wrongly"),
            c(0x109, "ERRINFO_LICENSE_CANT_UPGRADE_LICENSE", "the client's license could not be upgraded or renewed"),
            c(0x10A, "ERRINFO_LICENSE_NO_REMOTE_CONNECTIONS", "the server is not licensed for remote connections"),
            // Codes sent by the Connection Broker.
            c(0x400, "ERRINFO_CB_DESTINATION_NOT_FOUND", "the broker found no target endpoint"),
            c(0x402, "ERRINFO_CB_LOADING_DESTINATION", "the target endpoint is disconnecting from the broker"),
            c(0x404, "ERRINFO_CB_REDIRECTING_TO_DESTINATION", "redirecting to the target endpoint failed"),
            c(0x405, "ERRINFO_CB_SESSION_ONLINE_VM_WAKE", "waking the target virtual machine failed"),
            c(0x406, "ERRINFO_CB_SESSION_ONLINE_VM_BOOT", "starting the target virtual machine failed"),
            c(0x407, "ERRINFO_CB_SESSION_ONLINE_VM_NO_DNS", "the target virtual machine's IP address could not be found"),
            c(0x408, "ERRINFO_CB_DESTINATION_POOL_NOT_FREE", "no endpoint of the broker's pool is free"),
            c(0x409, "ERRINFO_CB_CONNECTION_CANCELLED", "the broker cancelled the connection"),
            c(0x410, "ERRINFO_CB_CONNECTION_ERROR_INVALID_SETTINGS", "the routing token in the X.224 request could not be validated"),
            c(0x411, "ERRINFO_CB_SESSION_ONLINE_VM_BOOT_TIMEOUT", "starting the target virtual machine timed out"),
            c(0x412, "ERRINFO_CB_SESSION_ONLINE_VM_SESSMON_FAILED", "session monitoring failed while starting the target virtual machine"),
            // RDP specific codes: the server found a protocol error in what the client sent.
            c(0x10C9, "ERRINFO_UNKNOWNPDUTYPE2", "unknown pduType2 in a Share Data Header"),
            c(0x10CA, "ERRINFO_UNKNOWNPDUTYPE", "unknown pduType in a Share Control Header"),
            c(0x10CB, "ERRINFO_DATAPDUSEQUENCE", "a slow-path data PDU arrived out of sequence"),
            c(0x10CD, "ERRINFO_CONTROLPDUSEQUENCE", "a slow-path non-data PDU arrived out of sequence"),
            c(0x10CE, "ERRINFO_INVALIDCONTROLPDUACTION", "a Control PDU carried an invalid action"),
            c(0x10CF, "ERRINFO_INVALIDINPUTPDUTYPE", "an input event carried an invalid type or event code"),
            c(0x10D0, "ERRINFO_INVALIDINPUTPDUMOUSE", "a mouse event carried invalid pointer flags"),
            c(0x10D1, "ERRINFO_INVALIDREFRESHRECTPDU", "an invalid Refresh Rect PDU"),
            c(0x10D2, "ERRINFO_CREATEUSERDATAFAILED", "the server could not build its GCC Conference Create Response data"),
            c(0x10D3, "ERRINFO_CONNECTFAILED", "the channel connection phase failed"),
            c(0x10D4, "ERRINFO_CONFIRMACTIVEWRONGSHAREID", "a Confirm Active PDU had the wrong share ID"),
            c(0x10D5, "ERRINFO_CONFIRMACTIVEWRONGORIGINATOR", "a Confirm Active PDU had the wrong originator ID"),
            c(0x10DA, "ERRINFO_PERSISTENTKEYPDUBADLENGTH", "a Persistent Key List PDU was too short"),
            c(0x10DB, "ERRINFO_PERSISTENTKEYPDUILLEGALFIRST", "a second Persistent Key List PDU was marked first"),
            c(0x10DC, "ERRINFO_PERSISTENTKEYPDUTOOMANYTOTALKEYS", "a Persistent Key List PDU announced too many cache entries in total"),
            c(0x10DD, "ERRINFO_PERSISTENTKEYPDUTOOMANYCACHEKEYS", "a Persistent Key List PDU announced too many keys for one cache"),
            c(0x10DE, "ERRINFO_INPUTPDUBADLENGTH", "an input PDU was too short"),
            c(0x10DF, "ERRINFO_BITMAPCACHEERRORPDUBADLENGTH", "a Bitmap Cache Error PDU was too short"),
            c(0x10E0, "ERRINFO_SECURITYDATATOOSHORT", "a fast-path input PDU's signature data was too short"),
            c(0x10E1, "ERRINFO_VCHANNELDATATOOSHORT", "virtual channel data was too short"),
            c(0x10E2, "ERRINFO_SHAREDATATOOSHORT", "share control/data or control PDU data was too short"),
            c(0x10E3, "ERRINFO_BADSUPRESSOUTPUTPDU", "a Suppress Output PDU was too short or invalid"),
            c(0x10E5, "ERRINFO_CONFIRMACTIVEPDUTOOSHORT", "a Confirm Active PDU was too short"),
            c(0x10E7, "ERRINFO_CAPABILITYSETTOOSMALL", "a capability set was too short to read its header"),
            c(0x10E8, "ERRINFO_CAPABILITYSETTOOLARGE", "a capability set claimed more data than was sent"),
            c(0x10E9, "ERRINFO_NOCURSORCACHE", "the client announced no pointer cache"),
            c(0x10EA, "ERRINFO_BADCAPABILITIES", "the server did not accept the client's capabilities"),
            c(0x10EC, "ERRINFO_VIRTUALCHANNELDECOMPRESSIONERR", "decompressing virtual channel data failed"),
            c(0x10ED, "ERRINFO_INVALIDVCCOMPRESSIONTYPE", "a virtual channel PDU named an invalid compression type"),
            c(0x10EF, "ERRINFO_INVALIDCHANNELID", "a virtual channel PDU named an invalid channel"),
            c(0x10F0, "ERRINFO_VCHANNELSTOOMANY", "the client asked for more than 31 static virtual channels"),
            c(0x10F3, "ERRINFO_REMOTEAPPSNOTENABLED", "the server only hosts RemoteApp programs but the client did not ask for RemoteApp"),
            c(0x10F4, "ERRINFO_CACHECAPNOTSET", "a persistent key list came without the bitmap cache capability it needs"),
            c(0x10F5, "ERRINFO_BITMAPCACHEERRORPDUBADLENGTH2", "a Bitmap Cache Error PDU's block count does not fit its data"),
            c(0x10F6, "ERRINFO_OFFSCRCACHEERRORPDUBADLENGTH", "an Offscreen Bitmap Cache Error PDU was too short"),
            c(0x10F7, "ERRINFO_DNGCACHEERRORPDUBADLENGTH", "a DrawNineGrid Cache Error PDU was too short"),
            c(0x10F8, "ERRINFO_GDIPLUSPDUBADLENGTH", "a GDI+ Error PDU was too short"),
            c(0x1111, "ERRINFO_SECURITYDATATOOSHORT2", "a basic security header was too short"),
            c(0x1112, "ERRINFO_SECURITYDATATOOSHORT3", "a (FIPS) security header was too short"),
            c(0x1113, "ERRINFO_SECURITYDATATOOSHORT4", "a Security Exchange PDU was too short"),
            c(0x1114, "ERRINFO_SECURITYDATATOOSHORT5", "the Info Packet's strings were truncated"),
            c(0x1115, "ERRINFO_SECURITYDATATOOSHORT6", "the Info Packet's fixed fields were truncated"),
            c(0x1116, "ERRINFO_SECURITYDATATOOSHORT7", "the Extended Info Packet's address family/length were truncated"),
            c(0x1117, "ERRINFO_SECURITYDATATOOSHORT8", "the Extended Info Packet's client address was truncated"),
            c(0x1118, "ERRINFO_SECURITYDATATOOSHORT9", "the Extended Info Packet's client directory length was truncated"),
            c(0x1119, "ERRINFO_SECURITYDATATOOSHORT10", "the Extended Info Packet's client directory was truncated"),
            c(0x111A, "ERRINFO_SECURITYDATATOOSHORT11", "the Extended Info Packet's time zone was truncated"),
            c(0x111B, "ERRINFO_SECURITYDATATOOSHORT12", "the Extended Info Packet's session ID was truncated"),
            c(0x111C, "ERRINFO_SECURITYDATATOOSHORT13", "the Extended Info Packet's performance flags were truncated"),
            c(0x111D, "ERRINFO_SECURITYDATATOOSHORT14", "the Extended Info Packet's auto-reconnect length was truncated"),
            c(0x111E, "ERRINFO_SECURITYDATATOOSHORT15", "the Extended Info Packet's auto-reconnect cookie was truncated"),
            c(0x111F, "ERRINFO_SECURITYDATATOOSHORT16", "the auto-reconnect cookie is longer than 128 bytes"),
            c(0x1120, "ERRINFO_SECURITYDATATOOSHORT17", "the Extended Info Packet's address family/length were truncated"),
            c(0x1121, "ERRINFO_SECURITYDATATOOSHORT18", "the Extended Info Packet's client address was truncated"),
            c(0x1122, "ERRINFO_SECURITYDATATOOSHORT19", "the Extended Info Packet's client directory length was truncated"),
            c(0x1123, "ERRINFO_SECURITYDATATOOSHORT20", "the Extended Info Packet's client directory was truncated"),
            c(0x1124, "ERRINFO_SECURITYDATATOOSHORT21", "the Extended Info Packet's time zone was truncated"),
            c(0x1125, "ERRINFO_SECURITYDATATOOSHORT22", "the Extended Info Packet's session ID was truncated"),
            c(0x1126, "ERRINFO_SECURITYDATATOOSHORT23", "the Client Info PDU was too short"),
            c(0x1129, "ERRINFO_BADMONITORDATA", "the client's monitor data is inconsistent"),
            c(0x112A, "ERRINFO_VCDECOMPRESSEDREASSEMBLEFAILED", "decompressed virtual channel data does not fit the chunk size"),
            c(0x112B, "ERRINFO_VCDATATOOLONG", "a virtual channel PDU is larger than the chunk size"),
            c(0x112C, "ERRINFO_BADFRAMEACKDATA", "a frame acknowledge PDU was too short"),
            c(0x112D, "ERRINFO_GRAPHICSMODENOTSUPPORTED", "the server does not support the graphics mode the client asked for"),
            c(0x112E, "ERRINFO_GRAPHICSSUBSYSTEMRESETFAILED", "the server's graphics subsystem failed to reset"),
            c(0x112F, "ERRINFO_GRAPHICSSUBSYSTEMFAILED", "the server's graphics subsystem failed"),
            c(0x1130, "ERRINFO_TIMEZONEKEYNAMELENGTHTOOSHORT", "the dynamic time zone key name length was truncated"),
            c(0x1131, "ERRINFO_TIMEZONEKEYNAMELENGTHTOOLONG", "the dynamic time zone key name is too long"),
            c(0x1132, "ERRINFO_DYNAMICDSTDISABLEDFIELDMISSING", "the dynamic daylight time flag is missing"),
            c(0x1133, "ERRINFO_VCDECODINGERROR", "processing dynamic virtual channel data failed"),
            c(0x1134, "ERRINFO_VIRTUALDESKTOPTOOLARGE", "the monitor layout makes a desktop wider or taller than 32766"),
            c(0x1135, "ERRINFO_MONITORGEOMETRYVALIDATIONFAILED", "the monitor layout is invalid"),
            c(0x1136, "ERRINFO_INVALIDMONITORCOUNT", "the client announced too many monitors"),
            c(0x1191, "ERRINFO_UPDATESESSIONKEYFAILED", "updating the standard RDP security session keys failed"),
            c(0x1192, "ERRINFO_DECRYPTFAILED", "standard RDP security decryption or key creation failed"),
            c(0x1193, "ERRINFO_ENCRYPTFAILED", "standard RDP security encryption failed"),
            c(0x1194, "ERRINFO_ENCPKGMISMATCH", "no encryption method the client offered is usable by the server"),
            c(0x1195, "ERRINFO_DECRYPTFAILED2", "unencrypted data arrived where standard RDP security encryption was expected")));

    private ErrorInfoCodes() {
    }

    private static DisconnectCode c(long value, String name, String meaning) {
        return new DisconnectCode(CodeList.ERROR_INFO, value, name, meaning);
    }
}
