# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DIN_FILE=x_sv.ts -DOUT_FILE=merged/x_sv.ts -P merge_contexts.cmake
# Copies a catalogue with every context renamed to the one CatalogueTranslator asks for ("Tillbridge"), so that
# strings are found by source text whatever context lupdate guessed for them.
file(READ "${IN_FILE}" catalogue)
string(REGEX REPLACE "<name>[^<]*</name>" "<name>Tillbridge</name>" catalogue "${catalogue}")
file(WRITE "${OUT_FILE}" "${catalogue}")
