/// Golden renderings of `sawtooth()` (re-record by pasting the test failure output).
let asciiGoldenText = """
                    n.v — voltage (mV)
                  v          v         v          v
  -55 +
      |         **        **         **         **
  -60 +      *** *      **  *      ** *       ** *
  -65 +    **     *   **    *    **    *   ***    *
      |  **       * **       * **      * **       *
  -70 +**         **         **        **         *
      ++----------+----------+---------+----------+
       0         10         20        30         40
                        time (ms)

  """
let brailleGoldenText = """
                    n.v — voltage (mV)
                  ▾          ▾         ▾          ▾
  -55 ┤         ⢀⡄         ⣠          ⣠          ⣠
      │       ⢀⠔⠁⡇       ⢀⠔⠙⡄       ⢀⠔⢹        ⡠⠔⢹
  -60 ┤      ⡔⠁  ⢸      ⡔⠁  ⡇     ⢀⠔⠁  ⡇     ⢠⠊   ⡇
  -65 ┤    ⡠⠊    ⢸   ⢀⠔⠊    ⢱   ⢀⠔⠁    ⡇   ⢀⠔⠁    ⡇
      │ ⢀⠔⠊      ⠘⡄⢀⠔⠁      ⢸ ⢀⠔⠁      ⢣ ⢀⠔⠁      ⢣
  -70 ┤⡠⠊         ⡧⠊         ⡧⠊        ⢸⠔⠁        ⢸
      └┬──────────┬──────────┬─────────┬──────────┬
       0         10         20        30         40
                        time (ms)

  """
