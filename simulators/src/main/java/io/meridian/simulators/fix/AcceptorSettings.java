package io.meridian.simulators.fix;

import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.converter.BooleanConverter;

/** Builds the QuickFIX/J acceptor settings of a {@link FixVenueSimulatorConfig}. */
final class AcceptorSettings {
    static final String BEGIN_STRING = "FIX.4.4";
    /** TargetCompID of the dynamic session template that accepts any client. */
    static final String ANY_CLIENT = "*";

    private AcceptorSettings() {
    }

    /** The settings, with {@code dataDictionary} (the merged {@link VenueDictionary}) as DataDictionary. */
    static SessionSettings build(FixVenueSimulatorConfig config, String dataDictionary) {
        SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("BeginString", BEGIN_STRING);
        settings.setString("SenderCompID", config.senderCompId());
        settings.setString("SocketAcceptAddress", config.bindAddress());
        settings.setLong("SocketAcceptPort", config.port());
        settings.setString("SocketTcpNoDelay", "Y");
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        // clients' dialect fields (tags 5000+) pass through venues as they do at real ones
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("DataDictionary", dataDictionary);
        settings.setLong("HeartBtInt", config.heartbeatSeconds());
        settings.setString("ResetOnLogon", BooleanConverter.convert(config.resetOnLogon()));
        config.fileStoreDir().ifPresent(dir -> settings.setString("FileStorePath", dir.toString()));
        for (String target : config.targetCompIds()) {
            settings.setString(clientSession(config, target), "TargetCompID", target);
        }
        if (config.acceptAnyTargetCompId()) {
            SessionID template = templateSession(config);
            settings.setString(template, "TargetCompID", ANY_CLIENT);
            settings.setString(template, "AcceptorTemplate", "Y");
        }
        return settings;
    }

    static SessionID clientSession(FixVenueSimulatorConfig config, String targetCompId) {
        return new SessionID(BEGIN_STRING, config.senderCompId(), targetCompId);
    }

    static SessionID templateSession(FixVenueSimulatorConfig config) {
        return clientSession(config, ANY_CLIENT);
    }
}
