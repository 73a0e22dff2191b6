# CPACK_PRE_BUILD_SCRIPTS hook: what dh_strip does beyond `strip`, drop
# the .comment and .note sections of the staged binary (lintian:
# binary-has-unneeded-section).
file(GLOB_RECURSE sb_files LIST_DIRECTORIES false
     "${CPACK_TEMPORARY_DIRECTORY}/*")
list(FILTER sb_files INCLUDE REGEX "/bin/soundboard$")
if(NOT sb_files)
  message(FATAL_ERROR "no bin/soundboard under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(bin IN LISTS sb_files)
  execute_process(COMMAND "${CPACK_SB_STRIP}" --remove-section=.comment
                          --remove-section=.note "${bin}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "strip ${bin} failed: ${rc}")
  endif()
endforeach()
