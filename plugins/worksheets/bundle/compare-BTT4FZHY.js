import{a,b,c,d,e}from"./chunk-HHF6AWZX.js";import"./chunk-UHNG2S43.js";export{a as DEFAULT_TOLERANCE,e as columnOrder,c as compareAssessments,d as dayOf,b as figureOf};
