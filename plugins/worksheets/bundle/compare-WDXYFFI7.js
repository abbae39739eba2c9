import{a,b,c,d,e}from"./chunk-JCGBC2CS.js";import"./chunk-UHNG2S43.js";export{a as DEFAULT_TOLERANCE,e as columnOrder,c as compareAssessments,d as dayOf,b as figureOf};
