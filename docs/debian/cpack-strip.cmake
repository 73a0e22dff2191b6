# CPACK_PRE_BUILD_SCRIPTS hook: what dh_strip does beyond `strip`, drop
# the .comment and .note sections of the staged binary and of the print
# module (lintian: binary-has-unneeded-section).
file(GLOB_RECURSE sb_files LIST_DIRECTORIES false
     "${CPACK_TEMPORARY_DIRECTORY}/*")
list(FILTER sb_files INCLUDE REGEX
     "(/bin/soundboard|/soundboard/soundboard-print\\.so)$")
list(LENGTH sb_files sb_count)
if(NOT sb_count EQUAL 2)
  message(FATAL_ERROR "not bin/soundboard and LIBDIR/soundboard/soundboard-print.so "
          "under ${CPACK_TEMPORARY_DIRECTORY}: ${sb_files}")
endif()
foreach(bin IN LISTS sb_files)
  execute_process(COMMAND "${CPACK_SB_STRIP}" --remove-section=.comment
                          --remove-section=.note "${bin}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "strip ${bin} failed: ${rc}")
  endif()
endforeach()
