package io.dativo.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class ValueConverterTest {
  private static final Types.DecimalType PRICE = Types.DecimalType.of(9, 2);

  @Test
  void decimalsAreRoundedToTheColumnsScale() throws Exception {
    assertThat(ValueConverter.convert("12.345", PRICE)).isEqualTo(new BigDecimal("12.35"));
    assertThat(ValueConverter.convert(" -0.5 ", PRICE)).isEqualTo(new BigDecimal("-0.50"));
    assertThat(ValueConverter.convert("9999999.99", PRICE)).isEqualTo(new BigDecimal("9999999.99"));
  }

  @Test
  void aDecimalWithMoreDigitsThanTheColumnIsABadValue() {
    assertThatThrownBy(() -> ValueConverter.convert("12345678.90", PRICE))
        .isInstanceOf(ValueConverter.BadValue.class)
        .hasMessage("expected at most 9 digits (decimal(9, 2)), found '12345678.90'");
    // rounding can add a digit too
    assertThatThrownBy(() -> ValueConverter.convert("9999999.999", PRICE))
        .isInstanceOf(ValueConverter.BadValue.class);
    assertThatThrownBy(() -> ValueConverter.convert(new BigDecimal("1E+10"), PRICE))
        .isInstanceOf(ValueConverter.BadValue.class);
  }

  @Test
  void aTimestampPastWhatIcebergStoresIsABadValueNotACrash() {
    // epoch seconds whose microseconds overflow a long (a column of epoch microseconds, say)
    assertThatThrownBy(
            () -> ValueConverter.convert("1700000000000000", Types.TimestampType.withZone()))
        .isInstanceOf(ValueConverter.BadValue.class)
        .hasMessageContaining("microseconds since 1970 in 64 bits");
    assertThatThrownBy(() -> ValueConverter.convert(Long.MAX_VALUE, Types.TimestampType.withZone()))
        .isInstanceOf(ValueConverter.BadValue.class);
  }
}
