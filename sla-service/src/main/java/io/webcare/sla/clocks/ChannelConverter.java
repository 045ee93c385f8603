package io.webcare.sla.clocks;

import io.webcare.contract.events.Channel;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a channel by its wire name ({@code whatsapp}), as analysts know it. */
@Converter
public class ChannelConverter implements AttributeConverter<Channel, String> {
    @Override
    public String convertToDatabaseColumn(Channel channel) {
        return channel == null ? null : channel.wireName();
    }

    @Override
    public Channel convertToEntityAttribute(String name) {
        return name == null ? null : Channel.fromWireName(name);
    }
}
